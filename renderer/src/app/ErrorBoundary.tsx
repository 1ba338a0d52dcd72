import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** Where this boundary sits, for the message ("the Graph view", "the application"). */
  where: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** A render error is shown with its message and a way back, never a blank window. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Tokenscope: ${this.props.where} failed to render`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-boundary" role="alert">
        <p className="panel-title">Something went wrong in {this.props.where}.</p>
        <p>
          <code className="error-code">RENDER_ERROR</code> {error.message}
        </p>
        <p className="muted">Nothing in the case was changed. You can try again, or switch to another view.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
