// electron-vite's `?asset` imports (a packaged file's path at run time), e.g. the app icon.
/// <reference types="electron-vite/node" />
