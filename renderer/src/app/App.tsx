import { useEffect } from 'react';
import { startSession } from '../api';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell } from './Shell';
import { followSystemTheme } from './theme';

export function App() {
  useEffect(() => startSession(), []);
  useEffect(() => followSystemTheme(), []);
  return (
    <ErrorBoundary where="the application">
      <Shell />
    </ErrorBoundary>
  );
}
