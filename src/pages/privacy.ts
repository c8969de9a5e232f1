/** The privacy policy page the build writes into the extension from PRIVACY.md (scripts/lib/vite-privacy-plugin.ts). */
export const PRIVACY_PAGE = 'privacy.html';
