/**
 * ESLint rule: which folders may import what (ADR 0005). Relative specifiers are resolved against
 * the importing file, so `../../serve` and `../serve.ts` are the same file; bare specifiers are
 * matched by name (`node:*` matches every node: builtin). No plugin needed for this: the well-kept
 * ones (eslint-plugin-import, eslint-plugin-boundaries) are not installed here and this is 60 lines.
 */
import path from 'node:path';

const EXTS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.tsx'];

function matchesBare(spec, pattern) {
  if (pattern.endsWith('*')) return spec.startsWith(pattern.slice(0, -1));
  return spec === pattern || spec.startsWith(`${pattern}/`);
}

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundaries = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { root: { type: 'string' }, zones: { type: 'array' } }, additionalProperties: false }],
    messages: { forbidden: '{{spec}} may not be imported here: {{why}}.' },
  },
  create(context) {
    const { root, zones } = context.options[0];
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const active = zones.filter((z) => file.startsWith(z.from));
    if (active.length === 0) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const relative = spec.startsWith('.');
      // Candidate repo-relative paths the specifier can resolve to.
      const targets = relative
        ? EXTS.map((e) => path.relative(root, path.resolve(path.dirname(context.filename), spec) + e).split(path.sep).join('/'))
        : [];
      for (const z of active) {
        const hit = z.forbid.some((f) => (f.startsWith('src/') ? relative && targets.some((t) => (f.endsWith('/') ? t.startsWith(f) : t === f)) : !relative && matchesBare(spec, f)));
        if (hit) context.report({ node, messageId: 'forbidden', data: { spec, why: z.why } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
    };
  },
};
