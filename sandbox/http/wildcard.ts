// `*` matches any run of characters; everything else is literal.
export const wildcardRegExp = (pattern: string, flags = '') =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    flags,
  );
