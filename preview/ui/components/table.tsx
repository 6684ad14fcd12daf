import type {
  SortedTableHeaderProps,
  TableCellProps,
  TableElementProps,
  TableHeaderProps,
  TableProps,
} from '@hubspot/ui-extensions';
import { classes, testIdAttribute } from './shared.ts';

const widthOf = (width: TableCellProps['width']) =>
  typeof width === 'number' ? width : width === 'min' ? '1%' : undefined;

export function Table(props: TableProps) {
  const { bordered = true, flush = false, density = 'default', children, testId } = props;
  return (
    <div className={classes('hs-table-wrapper', flush && 'hs-table-wrapper--flush')} {...testIdAttribute(testId)}>
      <table className={classes('hs-table', bordered && 'hs-table--bordered', `hs-table--${density}`)}>
        {children}
      </table>
      {props.paginated && (
        <Pagination
          pageCount={props.pageCount}
          page={props.page ?? 1}
          showButtonLabels={props.showButtonLabels ?? true}
          onPageChange={props.onPageChange}
        />
      )}
    </div>
  );
}

function Pagination({
  pageCount,
  page,
  showButtonLabels,
  onPageChange,
}: {
  pageCount: number;
  page: number;
  showButtonLabels: boolean;
  onPageChange: (page: number) => void;
}) {
  return (
    <nav className="hs-pagination" aria-label="Pagination">
      <button
        type="button"
        className="hs-button hs-button--transparent hs-button--sm"
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
        aria-label="Previous page"
      >
        ‹{showButtonLabels && ' Prev'}
      </button>
      {Array.from({ length: pageCount }, (_, index) => index + 1).map((number) => (
        <button
          key={number}
          type="button"
          className={classes('hs-pagination__page', number === page && 'hs-pagination__page--current')}
          aria-current={number === page ? 'page' : undefined}
          onClick={() => onPageChange(number)}
        >
          {number}
        </button>
      ))}
      <button
        type="button"
        className="hs-button hs-button--transparent hs-button--sm"
        disabled={page >= pageCount}
        onClick={() => onPageChange(page + 1)}
        aria-label="Next page"
      >
        {showButtonLabels && 'Next '}›
      </button>
    </nav>
  );
}

export const TableHead = ({ children, testId }: TableElementProps) => (
  <thead {...testIdAttribute(testId)}>{children}</thead>
);
export const TableBody = ({ children, testId }: TableElementProps) => (
  <tbody {...testIdAttribute(testId)}>{children}</tbody>
);
export const TableFooter = ({ children, testId }: TableElementProps) => (
  <tfoot {...testIdAttribute(testId)}>{children}</tfoot>
);
export const TableRow = ({ children, testId }: TableElementProps) => <tr {...testIdAttribute(testId)}>{children}</tr>;

export const TableCell = ({ children, align = 'left', width, colSpan, testId }: TableCellProps) => (
  <td style={{ textAlign: align, width: widthOf(width) }} colSpan={colSpan} {...testIdAttribute(testId)}>
    {children}
  </td>
);

const NEXT_SORT = { none: 'ascending', ascending: 'descending', descending: 'none' } as const;

const isSorted = (props: TableHeaderProps): props is SortedTableHeaderProps =>
  props.sortDirection !== undefined && props.sortDirection !== 'never';

export function TableHeader(props: TableHeaderProps) {
  const { children, align = 'left', width, testId } = props;
  const sorted = isSorted(props) ? props : null;
  return (
    <th
      scope="col"
      style={{ textAlign: align, width: widthOf(width) }}
      aria-sort={sorted && sorted.sortDirection !== 'none' ? sorted.sortDirection : undefined}
      {...testIdAttribute(testId)}
    >
      {sorted ? (
        <button
          type="button"
          className="hs-table__sort"
          disabled={sorted.disabled}
          onClick={() => sorted.onSortChange(NEXT_SORT[sorted.sortDirection])}
        >
          {children}
          <span aria-hidden="true">
            {sorted.sortDirection === 'ascending' ? ' ▲' : sorted.sortDirection === 'descending' ? ' ▼' : ' ⇅'}
          </span>
        </button>
      ) : (
        children
      )}
    </th>
  );
}
