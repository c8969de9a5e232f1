/** A numeric X id as the dataset and X write it: 1 to 20 decimal digits, no leading zero. (Its own module: the page-world reader imports it and nothing else of the core.) */
export const X_ID_PATTERN = /^[1-9][0-9]{0,19}$/;
