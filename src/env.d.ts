/** What the packed index compiled from dataset/ by the build says of itself (src/core/compiled.ts, IndexMeta). */
declare module 'virtual:attache-dataset' {
  const meta: never;
  export default meta;
}

/** The full entries, one JSON string per account, in the index's order. Background only. */
declare module 'virtual:attache-details' {
  const details: readonly string[];
  export default details;
}

/** Build-time: the https address where readers can report corrections ('' when the build has none). */
declare const __ATTACHE_CORRECTIONS_URL__: string;

/** Build-time: an id of every built message (all locales), see src/ui/message-catalog.ts. */
declare const __ATTACHE_MESSAGES_ID__: string;
/** Build-time: every message key of the default locale as built (hand-written and generated). */
declare const __ATTACHE_MESSAGE_KEYS__: readonly string[];
