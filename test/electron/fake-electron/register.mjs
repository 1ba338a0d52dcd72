// `node --import ./register.mjs out/main/index.js`: the built main bundle gets fake-electron.mjs
// whenever it imports 'electron' (the real module would try to download Electron).
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
