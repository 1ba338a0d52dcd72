import { graphNodeKinds } from '../../../../shared/contract/methods/graph';
import { kindColours, kindShapes } from './graph-style';

/** What colours, shapes, borders and lines mean (the same constants the canvas style uses). */
export function Legend() {
  return (
    <div className="graph-legend" aria-label="Legend" data-testid="graph-legend">
      {graphNodeKinds.map((kind) => (
        <span key={kind} className="graph-legend-item">
          <span className={`graph-swatch graph-shape-${kindShapes[kind]}`} style={{ background: kindColours[kind] }} aria-hidden="true" />
          {kind}
        </span>
      ))}
      <span className="graph-legend-item">
        <span className="graph-swatch graph-swatch-ring-danger" aria-hidden="true" /> open findings
      </span>
      <span className="graph-legend-item">
        <span className="graph-swatch graph-swatch-ring-warn" aria-hidden="true" /> high / critical scopes
      </span>
      <span className="graph-legend-item">
        <span className="graph-swatch graph-swatch-ring-group" aria-hidden="true" /> group (double-click to expand)
      </span>
      <span className="graph-legend-item">
        <span className="graph-line graph-line-granted" aria-hidden="true" /> granted reach
      </span>
      <span className="graph-legend-item">
        <span className="graph-line graph-line-used" aria-hidden="true" /> used (observed in logs)
      </span>
    </div>
  );
}
