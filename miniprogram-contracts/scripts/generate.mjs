// Generates the TypeScript types and the error-code catalogue from openapi.json (no network, no dependencies).
// Usage: node scripts/generate.mjs [outDir] [document]
//   outDir: default this package (contracts-check.sh generates into a temp dir and diffs);
//   document: default openapi.json (contracts-check.sh also runs it on fixture/openapi.json).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? root;
const doc = JSON.parse(readFileSync(process.argv[3] ?? join(root, 'openapi.json'), 'utf8'));
const header = '// GENERATED from openapi.json by scripts/generate.mjs — do not edit; run scripts/update-contracts.sh.\n';

const refName = (ref) => ref.split('/').pop();
const ident = (name) => name.replace(/[^A-Za-z0-9_]/g, '_');
const quote = (k) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));

function tsType(s, indent = '') {
  if (!s) return 'unknown';
  if (s.$ref) return ident(refName(s.$ref));
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.oneOf || s.anyOf) return (s.oneOf ?? s.anyOf).map((x) => tsType(x, indent)).join(' | ');
  if (s.allOf) return s.allOf.map((x) => tsType(x, indent)).join(' & ');
  let types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  // ASP.NET reads numbers from strings too and says so as ["integer", "string"] with a digits pattern; it always
  // writes numbers, and clients should send numbers: type them as numbers.
  if (s.pattern && types.includes('string') && types.some((t) => t === 'integer' || t === 'number')) types = types.filter((t) => t !== 'string');
  if (types.length > 1) return types.map((t) => tsType({ ...s, type: t }, indent)).join(' | ');
  switch (types[0]) {
    case 'string': return 'string';
    case 'integer': case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'array': return `Array<${tsType(s.items, indent)}>`;
    case 'object': case undefined: {
      if (!s.properties) return s.additionalProperties ? `Record<string, ${tsType(s.additionalProperties, indent)}>` : 'Record<string, unknown>';
      const req = new Set(s.required ?? []);
      const inner = indent + '  ';
      const lines = Object.entries(s.properties).map(([k, v]) =>
        `${v.description ? `${inner}/** ${v.description} */\n` : ''}${inner}${quote(k)}${req.has(k) ? '' : '?'}: ${tsType(v, inner)};`);
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    default: return 'unknown';
  }
}

const schemas = Object.entries(doc.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
const errors = doc['x-error-codes'] ?? [];
let dts = header + '\n';
for (const [name, s] of schemas) {
  if (s.description) dts += `/** ${s.description} */\n`;
  dts += `export type ${ident(name)} = ${tsType(s)};\n\n`;
}
dts += `/** Every error code the server can answer with (ProblemDetails \`code\`). */\nexport type ErrorCode =\n${errors.map((e) => `  | ${JSON.stringify(e.code)}`).join('\n') || '  never'};\n\n`;

// One entry per operation: 'METHOD /path' → path params, query, body, response, whether a session is required.
const ops = [];
for (const [path, item] of Object.entries(doc.paths ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    const op = item[method];
    if (!op) continue;
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
    const group = (where) => {
      const ps = params.filter((p) => p.in === where);
      return ps.length ? `{ ${ps.map((p) => `${quote(p.name)}${p.required ? '' : '?'}: ${tsType(p.schema)}`).join('; ')} }` : 'never';
    };
    const body = op.requestBody?.content?.['application/json']?.schema;
    const okCode = Object.keys(op.responses ?? {}).find((c) => c.startsWith('2'));
    const ok = okCode ? op.responses[okCode].content?.['application/json']?.schema : undefined;
    ops.push(`  ${JSON.stringify(`${method.toUpperCase()} ${path}`)}: {\n` +
      `${op.summary ? `    /** ${op.summary} */\n` : ''}` +
      `    path: ${group('path')};\n    query: ${group('query')};\n    body: ${body ? tsType(body, '    ') : 'never'};\n` +
      `    response: ${ok ? tsType(ok, '    ') : 'void'};\n    auth: ${op.security?.length ? 'true' : 'false'};\n  };`);
  }
}
dts += `/** Every endpoint of the mini-program API, keyed by 'METHOD /path'. */\nexport interface Endpoints {\n${ops.join('\n')}\n}\n`;

const catalogue = header + `import type { ErrorCode } from './api';\n\n` +
  `/** The error catalogue: HTTP status and the Chinese message shown to the user. */\n` +
  `export const ERROR_CODES: Readonly<Record<ErrorCode, { status: number; message: string }>> = {\n` +
  errors.map((e) => `  ${JSON.stringify(e.code)}: { status: ${e.status}, message: ${JSON.stringify(e.message)} },`).join('\n') + '\n};\n';

const md = `<!-- GENERATED from openapi.json by scripts/generate.mjs — do not edit; run scripts/update-contracts.sh. -->\n` +
  `# 错误码目录 / Error codes\n\nEvery error response is \`application/problem+json\`; switch on \`code\`, show \`title\` (Chinese) to the user.\n\n` +
  `| code | HTTP | 提示 (title) |\n|---|---|---|\n` + errors.map((e) => `| \`${e.code}\` | ${e.status} | ${e.message} |`).join('\n') + '\n';

mkdirSync(join(out, 'types'), { recursive: true });
writeFileSync(join(out, 'types', 'api.d.ts'), dts);
writeFileSync(join(out, 'types', 'error-codes.ts'), catalogue);
writeFileSync(join(out, 'errors.md'), md);
console.log(`generated ${schemas.length} schema(s), ${ops.length} operation(s), ${errors.length} error code(s) into ${out}`);
