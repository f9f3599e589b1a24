// HTTP header lists are kept as [name, value] pairs in the order received (names may repeat).

export function headerOf(headers: readonly [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}
