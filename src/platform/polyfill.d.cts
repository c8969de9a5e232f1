import type Browser from 'webextension-polyfill';

export declare const browser: typeof Browser;
