import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';

// Every list on the portfolio pages: a sentence saying what to expect when it is empty, else a table
// with one row per item.
export function ListTable<T>({
  items,
  empty,
  headers,
  rowKey,
  cells,
}: {
  items: readonly T[];
  /** Shown instead of an empty table; null shows nothing. */
  empty: string | null;
  headers: readonly string[];
  rowKey: (item: T) => string;
  cells: (item: T) => ReactNode[];
}) {
  if (items.length === 0) return empty === null ? null : <Text>{empty}</Text>;
  return (
    <Table bordered={false} density="condensed">
      <TableHead>
        <TableRow>
          {headers.map((header) => (
            <TableHeader key={header}>{header}</TableHeader>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={rowKey(item)}>
            {cells(item).map((cell, i) => (
              <TableCell key={headers[i] ?? i}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
