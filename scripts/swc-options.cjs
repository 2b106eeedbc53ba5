// The SWC settings the backend is compiled with outside tsc: by its jest config (tests) and by
// ts-register.cjs (scripts), so that a script runs the code exactly as the tests do.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
