// The preview's browser implementation of `@hubspot/ui-extensions`. The bundler serves this in
// place of the real package (see preview/build/extensions-alias.ts); anything the real package
// exports that is missing here renders as "unknown component <Name>".
export { AutoGrid, Accordion, Box, Card, Divider, Flex, Inline, Spacer, Stack, Tile } from './components/layout.tsx';
export {
  DescriptionList,
  DescriptionListItem,
  Heading,
  Icon,
  Image,
  Link,
  List,
  LoadingSpinner,
  ProgressBar,
  ScoreCircle,
  Statistics,
  StatisticsItem,
  StatisticsTrend,
  StatusTag,
  StepIndicator,
  Tag,
  Text,
} from './components/content.tsx';
export {
  Modal,
  ModalBody,
  ModalFooter,
  Panel,
  PanelBody,
  PanelFooter,
  PanelSection,
  Tooltip,
} from './components/overlays.tsx';
export { Alert, EmptyState, ErrorState } from './components/feedback.tsx';
export { Button, ButtonRow, Dropdown, LoadingButton } from './components/buttons.tsx';
export {
  Checkbox,
  CurrencyInput,
  DateInput,
  Form,
  Input,
  MultiSelect,
  NumberInput,
  RadioButton,
  SearchInput,
  Select,
  StepperInput,
  TextArea,
  Textarea,
  TimeInput,
  Toggle,
  ToggleGroup,
} from './components/inputs.tsx';
export { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from './components/table.tsx';
export { Tab, Tabs } from './components/tabs.tsx';
export { BarChart, LineChart } from './components/charts.tsx';
export { hubspot, logger, useExtensionActions, useExtensionApi, useExtensionContext } from './host.tsx';
export { useDebounce } from './hooks.ts';
