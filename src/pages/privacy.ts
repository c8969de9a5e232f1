/** The privacy policy page the build writes into the extension from PRIVACY.md (scripts/lib/vite-privacy-plugin.ts). */
export const PRIVACY_PAGE = 'privacy.html';
/** The dataset directory (src/directory), an extension page of its own. */
export const DIRECTORY_PAGE = 'src/directory/index.html';
