import { Menu } from 'electron';
import { buildMenuTemplate, type MenuActions, type MenuState } from './menu-template';

/** Installs (or refreshes, e.g. after the recent list changed) the application menu. */
export function installMenu(state: MenuState, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(state, actions)));
}
