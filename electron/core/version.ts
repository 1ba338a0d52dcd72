import { readFileSync } from 'node:fs';
import { resourcePath } from './paths';

const pkg = JSON.parse(readFileSync(resourcePath('package.json'), 'utf8')) as { version: string };

export const toolVersion: string = pkg.version;
