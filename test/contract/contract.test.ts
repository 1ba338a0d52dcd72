import { describeContract } from './contract-suite';
import { httpHarness, inProcessHarness } from '../support/transports';

describeContract('in-process', inProcessHarness);
describeContract('HTTP', () => httpHarness());
