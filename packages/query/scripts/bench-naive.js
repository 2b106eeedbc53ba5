'use strict';
// The baseline a first implementation would write: one RegExp per term, every query
// tested in turn against the folded text of every document.

const W = '[\\p{L}\\p{N}_]';
const SEP = '[^\\p{L}\\p{N}]+';

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function atomSource(a) {
  const sigil = a.kind === 'hashtag' ? '#' : a.kind === 'handle' ? '@' : '[#@]?';
  return `${sigil}${escape(a.value)}${a.prefix ? `${W}*` : ''}`;
}

function proximitySource(node) {
  switch (node.type) {
    case 'term':
      return `(?:${node.atoms.map(atomSource).join(SEP)})`;
    case 'or':
      return `(?:${node.operands.map(proximitySource).join('|')})`;
    case 'near': {
      const l = proximitySource(node.left);
      const r = proximitySource(node.right);
      const gap = `${SEP}(?:${W}+${SEP}){0,${node.distance}}`;
      return `(?:${l}${gap}${r}|${r}${gap}${l})`;
    }
    default:
      throw new Error(`not a proximity node: ${node.type}`);
  }
}

function compileNaive(ast) {
  switch (ast.type) {
    case 'term':
    case 'near': {
      const re = new RegExp(`(?<!${W})${proximitySource(ast)}(?!${W})`, 'u');
      return (norm) => re.test(norm);
    }
    case 'filter': {
      const { field, value } = ast;
      return (_norm, doc) => {
        const v = (doc[field] || '').toLowerCase();
        return field === 'lang' ? v === value || v.startsWith(`${value}-`) : v === value;
      };
    }
    case 'not': {
      const f = compileNaive(ast.operand);
      return (norm, doc) => !f(norm, doc);
    }
    case 'and': {
      const fs = ast.operands.map(compileNaive);
      return (norm, doc) => fs.every((f) => f(norm, doc));
    }
    case 'or': {
      const fs = ast.operands.map(compileNaive);
      return (norm, doc) => fs.some((f) => f(norm, doc));
    }
  }
}

module.exports = { compileNaive };
