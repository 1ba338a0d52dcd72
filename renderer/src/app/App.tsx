import { useEffect } from 'react';
import { startSession } from '../api';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell } from './Shell';

export function App() {
  useEffect(() => startSession(), []);
  return (
    <ErrorBoundary where="the application">
      <Shell />
    </ErrorBoundary>
  );
}
