// The layer rules of docs/architecture.md: one-way dependencies around a pure core. A wrong import fails `npm test`.
const layer = (name) => `^${name}/`;
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ imports nothing of the project and does no I/O',
      severity: 'error',
      from: { path: layer('core') },
      to: {
        // date-holidays computes Swedish public holidays (Easter, Midsummer, All Saints' move): pure.
        pathNot: [layer('core'), 'node_modules/(luxon|zod|date-holidays)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'core-no-io-builtins',
      severity: 'error',
      from: { path: layer('core') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'store-uses-core-only',
      severity: 'error',
      from: { path: layer('store') },
      to: { path: '^(graph|cards|features|bot|tab|server|emulator|manifest)/' },
    },
    {
      name: 'graph-uses-core-only',
      severity: 'error',
      from: { path: layer('graph') },
      to: { path: '^(store|features|bot|tab|server|emulator|manifest)/' },
    },
    {
      name: 'cards-are-pure',
      comment:
        'cards/ are pure Adaptive Card factories over core data: features and bot both use them',
      severity: 'error',
      from: { path: layer('cards'), pathNot: '\\.test\\.tsx?$' },
      to: {
        pathNot: [layer('cards'), layer('core'), 'node_modules/(luxon|zod)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'cards-no-io-builtins',
      severity: 'error',
      from: { path: layer('cards') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'features-below-hosts',
      comment: 'features/ never imports bot/, tab/, server/ or the emulator',
      severity: 'error',
      from: { path: layer('features') },
      to: { path: '^(bot|tab|server|emulator|manifest)/' },
    },
    {
      name: 'bot-not-tab-server',
      severity: 'error',
      from: { path: layer('bot') },
      to: { path: '^(tab|server|emulator|manifest)/' },
    },
    {
      name: 'tab-not-bot-server',
      severity: 'error',
      from: { path: layer('tab') },
      to: { path: '^(bot|server|emulator|manifest)/' },
    },
    {
      name: 'emulator-stands-alone',
      comment:
        'the emulator is test-and-demo infrastructure speaking Graph; it knows nothing of the app',
      severity: 'error',
      from: { path: layer('emulator') },
      to: { path: '^(store|graph|cards|features|bot|tab|server|manifest)/' },
    },
    {
      name: 'nobody-imports-tests',
      severity: 'error',
      from: { pathNot: '^(test|bench)/|\\.test\\.tsx?$' },
      to: { path: '^test/|\\.test\\.tsx?$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
