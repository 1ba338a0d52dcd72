import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyTheme, useThemeStore } from './app/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/views.css';

// Theme before the first paint, so a dark-mode user never sees a white flash.
applyTheme(useThemeStore.getState().theme);

const root = document.getElementById('root');
if (!root) throw new Error('Tokenscope: index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
