/** The element names of Attaché's own nodes in X's pages (custom elements, never X's tags). */
export const HOST_TAG = 'attache-badge';
export const CARD_TAG = 'attache-card';
export const NOTICE_TAG = 'attache-notice';
