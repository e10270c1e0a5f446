import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { PrompterPage } from './features/prompter/PrompterPage';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {window.location.pathname === '/prompter' ? <PrompterPage /> : <App />}
    </StrictMode>,
  );
}
