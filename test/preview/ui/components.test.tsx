import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  Alert,
  BarChart,
  Button,
  DescriptionList,
  DescriptionListItem,
  EmptyState,
  ErrorState,
  Input,
  LineChart,
  List,
  LoadingSpinner,
  Modal,
  ModalBody,
  ProgressBar,
  ScoreCircle,
  Select,
  StatisticsItem,
  StatusTag,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tabs,
  Tag,
  Text,
  Toggle,
  Tooltip,
} from '../../../preview/ui/index.ts';
import { unknownComponent } from '../../../preview/ui/components/unknown.tsx';
import { axisScale } from '../../../preview/ui/components/charts.tsx';

// Static markup is what the browser receives; the interactive behaviour is covered by test/e2e.
const html = renderToStaticMarkup;
const attribute = (markup: string, name: string) =>
  [...markup.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((match) => match[1]);
const textOf = (markup: string) => markup.replace(/<[^>]+>/g, '');

describe('the preview components', () => {
  it('renders an error alert as an interrupting alert with its title and body', () => {
    const markup = html(
      <Alert title="Could not save" variant="error">
        The plan changed meanwhile.
      </Alert>,
    );
    expect(markup).toContain('class="hs-alert hs-alert--danger" role="alert"');
    expect(textOf(markup)).toBe('Could not saveThe plan changed meanwhile.');
  });

  it('renders an info alert as a polite status', () => {
    expect(html(<Alert title="Saved" />)).toBe(
      '<div class="hs-alert hs-alert--info" role="status"><strong class="hs-alert__title">Saved</strong></div>',
    );
  });

  it('renders a button with its variant, and disables it', () => {
    expect(
      html(
        <Button variant="primary" disabled>
          Tag as key account
        </Button>,
      ),
    ).toBe(
      '<button type="button" class="hs-button hs-button--primary hs-button--md" disabled="">Tag as key account</button>',
    );
  });

  it('renders a button with an href as a link that opens outside when external', () => {
    expect(html(<Button href={{ url: 'https://example.com', external: true }}>Open</Button>)).toContain(
      '<a class="hs-button hs-button--secondary hs-button--md" href="https://example.com" target="_blank" rel="noreferrer">',
    );
  });

  it('labels an input, marks it required and links its validation message', () => {
    const markup = html(
      <Input label="Reason" name="reason" required error validationMessage="Give a reason" value="x" />,
    );
    const [inputId] = attribute(markup, 'id');
    expect(attribute(markup, 'for')).toEqual([inputId]);
    // The asterisk is for the eye; `required` tells assistive technology.
    expect(markup).toContain('Reason<span class="hs-field__required" aria-hidden="true"> *</span>');
    expect(markup).toContain('required=""');
    expect(markup).toContain('aria-invalid="true"');
    expect(markup).toContain('value="x"');
    const [describedBy] = attribute(markup, 'aria-describedby');
    expect(markup).toContain(`id="${describedBy}" class="hs-field__error">Give a reason</div>`);
  });

  it('selects the option whose value matches, whatever its type', () => {
    const markup = html(
      <Select
        label="Stance"
        value={2}
        options={[
          { label: 'Ally', value: 1 },
          { label: 'Neutral', value: 2 },
        ]}
      />,
    );
    expect(markup).toContain('<option value="1:2" selected="">Neutral</option>');
  });

  it('shows a placeholder when no option is chosen', () => {
    expect(
      html(<Select label="Stance" placeholder="Pick a stance" options={[{ label: 'Ally', value: 'ally' }]} />),
    ).toContain('<option value="" disabled="" selected="">Pick a stance</option>');
  });

  it('renders a table with column headers and a sortable header that announces its order', () => {
    const markup = html(
      <Table>
        <TableHead>
          <TableRow>
            <TableHeader>Name</TableHeader>
            <TableHeader sortDirection="ascending" onSortChange={() => undefined}>
              Score
            </TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>Acme</TableCell>
            <TableCell align="right">82</TableCell>
          </TableRow>
        </TableBody>
      </Table>,
    );
    expect(markup.match(/<th scope="col"/g)).toHaveLength(2);
    expect(markup).toContain('aria-sort="ascending"');
    expect(markup).toContain('<td style="text-align:right">82</td>');
  });

  it("shows only the selected tab's content and marks its tab as selected", () => {
    const markup = html(
      <Tabs defaultSelected="plan">
        <Tab tabId="status" title="Status">
          status body
        </Tab>
        <Tab tabId="plan" title="Plan">
          plan body
        </Tab>
      </Tabs>,
    );
    expect(attribute(markup, 'aria-selected')).toEqual(['false', 'true']);
    expect(markup).toContain('plan body');
    expect(markup).not.toContain('status body');
  });

  it('renders a progress bar with its value for assistive technology and a proportional fill', () => {
    const markup = html(<ProgressBar title="Recalculated" value={30} maxValue={120} showPercentage />);
    expect(markup).toContain('role="progressbar" aria-valuemin="0" aria-valuemax="120" aria-valuenow="30"');
    expect(markup).toContain('style="width:25%"');
    expect(textOf(markup)).toBe('Recalculated 25%');
  });

  it('shows a score circle with the rounded score and clamps the meter to 0..100', () => {
    const markup = html(<ScoreCircle score={104.4} />);
    expect(markup).toContain(
      'hs-score-circle--success" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow="100"',
    );
    expect(textOf(markup)).toBe('104');
  });

  it('renders status tags, tags, text formats and statistics', () => {
    expect(html(<StatusTag variant="danger">Overdue</StatusTag>)).toContain(
      'class="hs-status-tag hs-status-tag--danger"',
    );
    expect(html(<Tag variant="success">Key account</Tag>)).toBe(
      '<span class="hs-tag hs-tag--success">Key account</span>',
    );
    expect(
      html(
        <Text format={{ fontWeight: 'bold' }} variant="microcopy">
          small
        </Text>,
      ),
    ).toBe('<p class="hs-text hs-text--microcopy hs-text--bold">small</p>');
    expect(textOf(html(<StatisticsItem label="Coverage" number="72%" />))).toBe('Coverage72%');
  });

  it('gives a tagged element the tooltip text of its Tooltip overlay', () => {
    expect(html(<Tag overlay={<Tooltip>Scored yesterday</Tooltip>}>82</Tag>)).toBe(
      '<span class="hs-tag hs-tag--default" title="Scored yesterday">82</span>',
    );
  });

  it('keeps a modal closed until its button opens it', () => {
    const markup = html(
      <Button
        overlay={
          <Modal id="tag-modal" title="Tag as key account">
            <ModalBody>Why?</ModalBody>
          </Modal>
        }
      >
        Tag
      </Button>,
    );
    expect(markup).toBe('<button type="button" class="hs-button hs-button--secondary hs-button--md">Tag</button>');
  });

  it('renders description lists as terms and definitions', () => {
    const markup = html(
      <DescriptionList>
        <DescriptionListItem label="Tagged by">Dana Manager</DescriptionListItem>
      </DescriptionList>,
    );
    expect(markup).toContain('<dt>Tagged by</dt><dd>Dana Manager</dd>');
  });

  it('wraps each list child in a list item and skips empty children', () => {
    expect(html(<List variant="ordered">{['one', null, 'two']}</List>)).toBe(
      '<ol class="hs-list hs-list--ordered"><li>one</li><li>two</li></ol>',
    );
  });

  it('renders empty, error and loading states with their titles', () => {
    expect(html(<EmptyState title="Not a key account yet">Score 40 of 70</EmptyState>)).toContain(
      '<h3 class="hs-empty-state__title">Not a key account yet</h3>Score 40 of 70',
    );
    expect(html(<ErrorState title="Could not load">Retry</ErrorState>)).toContain('role="alert"');
    expect(html(<LoadingSpinner label="Loading the account" />)).toContain('role="status"');
    expect(textOf(html(<LoadingSpinner label="Loading the account" />))).toBe('Loading the account');
  });

  it('renders a toggle as a switch labelled by its label', () => {
    const markup = html(<Toggle label="Sync target account flag" checked />);
    const [labelId] = attribute(markup, 'id');
    expect(markup).toContain(`role="switch" aria-checked="true" aria-labelledby="${labelId}"`);
    expect(markup).toContain('>Sync target account flag</span>');
  });

  it('draws a bar per data point, grouped by colour, with the numbers in a table for screen readers', () => {
    const data = [
      { quarter: 'Q1', kind: 'target', value: 4 },
      { quarter: 'Q1', kind: 'actual', value: 3 },
      { quarter: 'Q2', kind: 'target', value: 5 },
    ];
    const markup = html(
      <BarChart
        data={data}
        axes={{
          x: { field: 'quarter', fieldType: 'category' },
          y: { field: 'value', fieldType: 'linear' },
          options: { groupFieldByColor: 'kind' },
        }}
        options={{ title: 'Meetings' }}
      />,
    );
    expect(markup.match(/<rect /g)).toHaveLength(4);
    expect(markup).toContain('<figcaption class="hs-chart__title">Meetings</figcaption>');
    expect(markup).toContain(
      '<tr><th scope="row">Q1</th><td>4</td><td>3</td></tr><tr><th scope="row">Q2</th><td>5</td><td></td></tr>',
    );
  });

  it('draws a line chart as one polyline per series', () => {
    const markup = html(
      <LineChart
        data={[
          { q: 'Q1', v: 1 },
          { q: 'Q2', v: 3 },
        ]}
        axes={{ x: { field: 'q', fieldType: 'category' }, y: { field: 'v', fieldType: 'linear' } }}
      />,
    );
    expect(markup.match(/<polyline /g)).toHaveLength(1);
    expect(attribute(markup, 'points')[0]?.split(' ')).toHaveLength(2);
  });

  it('titles the axes with the labels the card gives them, and not without', () => {
    const data = [{ q: 'Q1', v: 1 }];
    const labelled = html(
      <LineChart
        data={data}
        axes={{
          x: { field: 'q', fieldType: 'category', label: 'Quarter' },
          y: { field: 'v', fieldType: 'linear', label: 'Meetings' },
        }}
      />,
    );
    expect(labelled.match(/class="hs-chart__axis-title">([^<]*)</g)).toEqual([
      'class="hs-chart__axis-title">Quarter<',
      'class="hs-chart__axis-title">Meetings<',
    ]);
    expect(
      html(
        <LineChart
          data={data}
          axes={{ x: { field: 'q', fieldType: 'category' }, y: { field: 'v', fieldType: 'linear' } }}
        />,
      ),
    ).not.toContain('hs-chart__axis-title');
  });

  it('places the points of a linear x axis at their values, in row order, so a series may turn back on itself', () => {
    const data = [
      { share: 0, revenue: 0, series: 'curve' },
      { share: 100, revenue: 100, series: 'curve' },
      { share: 0, revenue: 80, series: 'marker' },
      { share: 20, revenue: 80, series: 'marker' },
      { share: 20, revenue: 0, series: 'marker' },
    ];
    const markup = html(
      <LineChart
        data={data}
        axes={{
          x: { field: 'share', fieldType: 'linear' },
          y: { field: 'revenue', fieldType: 'linear' },
          options: { groupFieldByColor: 'series' },
        }}
      />,
    );
    const [curve = [], marker = []] = attribute(markup, 'points').map((points = '') =>
      points.split(' ').map((point) => point.split(',').map(Number) as [number, number]),
    );
    const [[left, bottom], [right]] = curve as [[number, number], [number, number]];
    expect(marker.map(([x]) => (x - left) / (right - left))).toEqual([0, 0.2, 0.2]);
    expect(marker[2]?.[1]).toBe(bottom);
  });

  it('shows a component it does not implement as "unknown component <Name>"', () => {
    const Unknown = unknownComponent('Illustration');
    expect(html(<Unknown />)).toBe(
      '<div class="hs-unknown-component" role="note" data-unknown-component="Illustration">unknown component Illustration</div>',
    );
  });
});

describe('chart axes', () => {
  it('puts ticks at round steps, whole ones for counts, and widens the axis to the next of them', () => {
    expect(axisScale(0, 13, { whole: true })).toEqual({ min: 0, max: 15, ticks: [0, 5, 10, 15] });
    expect(axisScale(0, 1, { whole: true }).ticks).toEqual([0, 1]);
    expect(axisScale(0, 1).ticks).toEqual([0, 0.5, 1]);
    expect(axisScale(-3, 7, { whole: true })).toEqual({ min: -5, max: 10, ticks: [-5, 0, 5, 10] });
    expect(axisScale(0, 305_000)).toEqual({ min: 0, max: 400_000, ticks: [0, 100_000, 200_000, 300_000, 400_000] });
    expect(axisScale(0, 0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });
});
