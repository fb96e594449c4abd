import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
// The board's styles, one file per part, in cascade order (a later file may override an earlier).
import './styles/board-layout.css';
import './styles/top-bar.css';
import './styles/map.css';
import './styles/news.css';
import './styles/role-panel.css';
import './styles/moves.css';
import './styles/charts.css';
import './styles/guide.css';
import './styles/planning.css';
import './styles/screens.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
