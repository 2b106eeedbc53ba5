/**
 * Optional transformer sentiment backend. Vigie ships no transformer weights (none with a usable
 * licence is published on the npm registry as of this writing, and nothing may be downloaded at
 * run time), so this is a seam: a model package installed next to @vigie/text that exports
 * `classifySentimentBatch(texts) → Promise<[pNeg, pNeu, pPos][]>` (and optionally `load()`), e.g. an
 * ONNX model run with onnxruntime-node. Resolved lazily with require.resolve; when it is missing
 * or fails, one log line and the fast model answers.
 */
export interface TransformerSentimentModule {
  /** One probability triple [negative, neutral, positive] per input text, same order. */
  classifySentimentBatch(texts: string[]): Promise<number[][]>;
  /** Optional one-time initialisation (load the ONNX session, the tokenizer…). */
  load?(): Promise<void> | void;
}

/** Module specifier or absolute path of the model package. */
export const DEFAULT_TRANSFORMER_MODULE = '@vigie/sentiment-transformer';

export function transformerModuleSpecifier(): string {
  const fromEnv = typeof process !== 'undefined' ? process.env?.['VIGIE_SENTIMENT_TRANSFORMER'] : undefined;
  return fromEnv && fromEnv.trim() ? fromEnv.trim() : DEFAULT_TRANSFORMER_MODULE;
}

export type Logger = (line: string) => void;
const defaultLogger: Logger = (line) => console.warn(line);

let pending: Promise<TransformerSentimentModule | null> | null = null;
let loggedSpecifier: string | null = null;

function logOnce(log: Logger, line: string, key: string): void {
  if (loggedSpecifier === key) return;
  loggedSpecifier = key;
  log(line);
}

/** Loads the transformer module once per process (per specifier); null when unavailable. */
export function loadTransformer(log: Logger = defaultLogger): Promise<TransformerSentimentModule | null> {
  pending ??= (async () => {
    const spec = transformerModuleSpecifier();
    // Non-Node bundles have no require: the transformer path is Node-only.
    const req: NodeJS.Require | undefined = typeof require === 'function' ? require : undefined;
    let resolved: string;
    try {
      if (!req) throw new Error('no require');
      resolved = req.resolve(spec);
    } catch {
      logOnce(log, `sentiment: transformer model not found at ${spec}, using the fast model`, spec);
      return null;
    }
    try {
      const raw = req!(resolved) as Partial<TransformerSentimentModule> & { default?: Partial<TransformerSentimentModule> };
      const mod = (typeof raw.classifySentimentBatch === 'function' ? raw : raw.default) ?? {};
      if (typeof mod.classifySentimentBatch !== 'function') throw new Error('no classifySentimentBatch export');
      if (typeof mod.load === 'function') await mod.load();
      return mod as TransformerSentimentModule;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      logOnce(log, `sentiment: transformer model at ${resolved} failed to load (${why}), using the fast model`, spec);
      return null;
    }
  })();
  return pending;
}

/** Tests only: forget the loaded module so a new specifier is resolved. */
export function resetTransformerLoader(): void {
  pending = null;
  loggedSpecifier = null;
}
