/**
 * Whether a key is lowerCamelCase ASCII as the Kubernetes guidelines want it: `podName`, `hostIP`,
 * or led by an acronym: `URL`, `IPs`, `URLPath`, `IPv4`... but not `PodName`, `pod_name`, `POd`.
 */
export function isLowerCamelCase(key: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) return false;
  if (/^[a-z]/.test(key)) return true;
  const acronym = /^[A-Z]+/.exec(key)?.[0] ?? '';
  const rest = key.slice(acronym.length);
  // `URL`, `IP4`, `IPs`, `IPv4`: the capitals are all acronym.
  if (rest === '' || /^(?:[0-9]|s(?![a-z])|v[0-9])/.test(rest)) return acronym.length >= 2;
  // `URLPath`: the last capital starts the next word, so the acronym needs two before it.
  return acronym.length >= 3;
}

/** A lowerCamelCase spelling of a key (`pod_name` → `podName`, `POD_NAME` → `podName`), if one exists. */
export function toLowerCamelCase(key: string): string | undefined {
  const screaming = key === key.toUpperCase();
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  const isAcronym = (word: string): boolean => !screaming && word.length >= 2 && word === word.toUpperCase();
  const camel = words
    .map((word, i) => {
      if (isAcronym(word)) return word;
      const lower = word.toLowerCase();
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
  return camel !== key && isLowerCamelCase(camel) ? camel : undefined;
}
