/**
 * Display helpers of authors (pseudonyms, localisation, display rules). They live in
 * common/crypto/author-display.ts so that modules below privacy (veille) render authors the same way.
 */
export * from '../../common/crypto/author-display';
