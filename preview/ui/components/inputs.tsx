import { useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type {
  BaseDate,
  CheckboxProps,
  CurrencyInputProps,
  DateInputProps,
  FormProps,
  InputProps,
  MultiSelectProps,
  NumberInputProps,
  RadioButtonProps,
  SearchInputProps,
  SelectProps,
  StepperInputProps,
  TextAreaProps,
  TimeInputProps,
  ToggleGroupProps,
  ToggleProps,
} from '@hubspot/ui-extensions';
import { extensionEvent, useReactions } from '../host.tsx';
import { classes, sizeName, testIdAttribute } from './shared.ts';

export function Form({ children, onSubmit, autoComplete, testId }: FormProps) {
  const reactions = useReactions();
  return (
    <form
      className="hs-form"
      autoComplete={autoComplete}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const values: Record<string, string> = {};
        new FormData(event.currentTarget).forEach((value, name) => {
          values[name] = String(value);
        });
        void onSubmit?.({ ...extensionEvent(event), targetValue: values }, reactions);
      }}
      {...testIdAttribute(testId)}
    >
      {children}
    </form>
  );
}

type FieldFrame = {
  label?: string;
  required?: boolean;
  description?: string;
  tooltip?: string;
  error?: boolean;
  validationMessage?: string;
  testId?: string;
};

// Label, description and validation message around a control, wired up for assistive technology.
function Field({
  label,
  required,
  description,
  tooltip,
  error,
  validationMessage,
  testId,
  children,
}: FieldFrame & { children: (ids: { id: string; describedBy?: string }) => ReactNode }) {
  const id = useId();
  const describedBy =
    [description && `${id}-description`, validationMessage && `${id}-message`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classes('hs-field', error && 'hs-field--error')} {...testIdAttribute(testId)}>
      {label && (
        <label className="hs-field__label" htmlFor={id} title={tooltip}>
          {label}
          {required && (
            <span className="hs-field__required" aria-hidden="true">
              {' *'}
            </span>
          )}
          {tooltip && (
            <span className="hs-field__tooltip" aria-hidden="true">
              {' '}
              ⓘ
            </span>
          )}
        </label>
      )}
      {description && (
        <div id={`${id}-description`} className="hs-field__description">
          {description}
        </div>
      )}
      {children({ id, describedBy })}
      {validationMessage && (
        <div id={`${id}-message`} className={error ? 'hs-field__error' : 'hs-field__message'}>
          {validationMessage}
        </div>
      )}
    </div>
  );
}

type FieldInputProps = Omit<FieldFrame, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

// Text, date and time inputs are the same native input in a Field; they differ only in its type,
// value and events. `required` goes to the Field for its asterisk and to the input for assistive technology.
function FieldInput({ label, description, tooltip, error, validationMessage, testId, ...input }: FieldInputProps) {
  return (
    <Field {...{ label, required: input.required, description, tooltip, error, validationMessage, testId }}>
      {({ id, describedBy }) => <input id={id} className="hs-input" {...input} aria-describedby={describedBy} />}
    </Field>
  );
}

// HubSpot's text controls report every keystroke with onInput and commit with onChange on blur
// (and when the form is submitted, which Enter does).
function useCommittedText(
  value: string | undefined,
  defaultValue: string | undefined,
  onChange?: (value: string) => void,
) {
  const [draft, setDraft] = useState<string | null>(null);
  const [uncontrolled, setUncontrolled] = useState(defaultValue ?? '');
  const shown = draft ?? value ?? uncontrolled;
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    setUncontrolled(draft);
    if (draft !== (value ?? uncontrolled)) onChange?.(draft);
  };
  return { shown, setDraft, commit };
}

export function Input({
  label,
  name,
  value,
  required,
  readOnly,
  description,
  tooltip,
  placeholder,
  error,
  defaultValue,
  validationMessage,
  onChange,
  onInput,
  onBlur,
  onFocus,
  type = 'text',
  testId,
}: InputProps) {
  const text = useCommittedText(value, defaultValue, onChange);
  return (
    <FieldInput
      {...{ label, description, tooltip, error, validationMessage, testId }}
      type={type}
      name={name}
      value={text.shown}
      required={required}
      readOnly={readOnly}
      placeholder={placeholder}
      aria-invalid={error || undefined}
      onChange={(event) => {
        text.setDraft(event.target.value);
        onInput?.(event.target.value);
      }}
      onKeyDown={(event) => event.key === 'Enter' && text.commit()}
      onFocus={() => onFocus?.(text.shown)}
      onBlur={() => {
        text.commit();
        onBlur?.(text.shown);
      }}
    />
  );
}

export function SearchInput({ clearable = true, ...props }: SearchInputProps) {
  return (
    <div className={classes('hs-search', clearable && 'hs-search--clearable')}>
      <Input {...props} />
    </div>
  );
}

export function TextArea({
  label,
  name,
  value,
  required,
  readOnly,
  description,
  tooltip,
  placeholder,
  error,
  defaultValue,
  validationMessage,
  onChange,
  onInput,
  onBlur,
  onFocus,
  cols,
  rows,
  maxLength,
  resize = 'vertical',
  testId,
}: TextAreaProps) {
  const text = useCommittedText(value, defaultValue, onChange);
  return (
    <Field {...{ label, required, description, tooltip, error, validationMessage, testId }}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          className="hs-input hs-textarea"
          name={name}
          value={text.shown}
          cols={cols}
          rows={rows}
          maxLength={maxLength}
          style={{ resize }}
          required={required}
          readOnly={readOnly}
          placeholder={placeholder}
          aria-invalid={error || undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            text.setDraft(event.target.value);
            onInput?.(event.target.value);
          }}
          onFocus={() => onFocus?.(text.shown)}
          onBlur={() => {
            text.commit();
            onBlur?.(text.shown);
          }}
        />
      )}
    </Field>
  );
}

/**
 * HubSpot's package exports the text area under both spellings, so the preview does too.
 * @alias
 */
export const Textarea = TextArea;

type NumberFieldProps = Omit<NumberInputProps, 'onInput' | 'textAlign' | 'formatStyle'> & {
  prefix?: string;
  suffix?: string;
  step?: number;
  stepper?: boolean;
  textAlign?: 'left' | 'right';
};

const parseNumber = (text: string): number | undefined => {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
};

// An empty number field commits `undefined`: the card decides whether blank is allowed.
function NumberField({
  label,
  name,
  value,
  required,
  readOnly,
  description,
  tooltip,
  placeholder,
  error,
  defaultValue,
  validationMessage,
  onChange,
  onBlur,
  onFocus,
  min,
  max,
  precision,
  prefix,
  suffix,
  step,
  stepper,
  textAlign = 'left',
  testId,
}: NumberFieldProps) {
  const asText = (number: number | undefined) =>
    number === undefined || number === null ? '' : precision === undefined ? String(number) : number.toFixed(precision);
  const [draft, setDraft] = useState<string | null>(null);
  const [uncontrolled, setUncontrolled] = useState<number | undefined>(defaultValue);
  const current = value ?? uncontrolled;
  const commitNumber = (next: number | undefined) => {
    const bounded =
      next === undefined
        ? undefined
        : Math.min(
            max ?? Infinity,
            Math.max(min ?? -Infinity, precision === undefined ? next : Number(next.toFixed(precision))),
          );
    setDraft(null);
    setUncontrolled(bounded);
    if (bounded !== current) onChange?.(bounded as number);
  };
  const commit = () => draft !== null && commitNumber(parseNumber(draft));
  return (
    <Field {...{ label, required, description, tooltip, error, validationMessage, testId }}>
      {({ id, describedBy }) => (
        <div className="hs-number">
          {stepper && (
            <button
              type="button"
              className="hs-number__step"
              aria-label={`Decrease ${label}`}
              disabled={readOnly || (min !== undefined && (current ?? 0) <= min)}
              onClick={() => commitNumber((current ?? 0) - (step ?? 1))}
            >
              −
            </button>
          )}
          {prefix && <span className="hs-number__affix">{prefix}</span>}
          <input
            id={id}
            className="hs-input"
            inputMode="decimal"
            name={name}
            value={draft ?? asText(current)}
            style={{ textAlign }}
            required={required}
            readOnly={readOnly}
            placeholder={placeholder}
            aria-invalid={error || undefined}
            aria-describedby={describedBy}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && commit()}
            onFocus={() => onFocus?.(current as number)}
            onBlur={() => {
              commit();
              onBlur?.(parseNumber(draft ?? asText(current)) as number);
            }}
          />
          {suffix && <span className="hs-number__affix">{suffix}</span>}
          {stepper && (
            <button
              type="button"
              className="hs-number__step"
              aria-label={`Increase ${label}`}
              disabled={readOnly || (max !== undefined && (current ?? 0) >= max)}
              onClick={() => commitNumber((current ?? 0) + (step ?? 1))}
            >
              +
            </button>
          )}
        </div>
      )}
    </Field>
  );
}

export function NumberInput({ formatStyle = 'decimal', onInput: _deprecatedOnInput, ...props }: NumberInputProps) {
  return <NumberField {...props} suffix={formatStyle === 'percentage' ? '%' : undefined} />;
}

export function CurrencyInput({ currency = 'USD', ...props }: CurrencyInputProps) {
  return <NumberField {...props} prefix={currency} textAlign="right" />;
}

export function StepperInput({
  stepSize = 1,
  formatStyle = 'decimal',
  minValueReachedTooltip: _min,
  maxValueReachedTooltip: _max,
  ...props
}: StepperInputProps) {
  return <NumberField {...props} stepper step={stepSize} suffix={formatStyle === 'percentage' ? '%' : undefined} />;
}

const pad = (number: number) => String(number).padStart(2, '0');
// HubSpot's dates count months from 0, like JavaScript's Date.
const isoDate = (date: BaseDate | null | undefined) =>
  date ? `${date.year}-${pad(date.month + 1)}-${pad(date.date)}` : '';
const baseDate = (iso: string): BaseDate | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? { year: Number(match[1]), month: Number(match[2]) - 1, date: Number(match[3]) } : null;
};

export function DateInput({
  label,
  name,
  value,
  required,
  readOnly,
  description,
  tooltip,
  error,
  defaultValue,
  validationMessage,
  onChange,
  onBlur,
  onFocus,
  min,
  max,
  testId,
}: DateInputProps) {
  const [uncontrolled, setUncontrolled] = useState(defaultValue ?? null);
  const current = value === undefined ? uncontrolled : value;
  return (
    <FieldInput
      {...{ label, description, tooltip, error, validationMessage, testId }}
      type="date"
      name={name}
      value={isoDate(current)}
      min={isoDate(min) || undefined}
      max={isoDate(max) || undefined}
      required={required}
      readOnly={readOnly}
      aria-invalid={error || undefined}
      onChange={(event) => {
        const next = baseDate(event.target.value);
        setUncontrolled(next);
        onChange?.((next ? { ...next, formattedDate: event.target.value } : null) as never);
      }}
      onFocus={() => current && onFocus?.(current)}
      onBlur={() => current && onBlur?.(current)}
    />
  );
}

export function TimeInput({
  label,
  name,
  value,
  required,
  readOnly,
  description,
  tooltip,
  error,
  defaultValue,
  validationMessage,
  onChange,
  min,
  max,
  interval,
  testId,
}: TimeInputProps) {
  const [uncontrolled, setUncontrolled] = useState(defaultValue ?? null);
  const current = value === undefined ? uncontrolled : value;
  const asText = (time: { hours: number; minutes: number } | null | undefined) =>
    time ? `${pad(time.hours)}:${pad(time.minutes)}` : '';
  return (
    <FieldInput
      {...{ label, description, tooltip, error, validationMessage, testId }}
      type="time"
      name={name}
      value={asText(current)}
      min={asText(min) || undefined}
      max={asText(max) || undefined}
      step={interval ? interval * 60 : undefined}
      required={required}
      readOnly={readOnly}
      onChange={(event) => {
        const [hours, minutes] = event.target.value.split(':').map(Number);
        const next = hours === undefined || minutes === undefined || Number.isNaN(hours) ? null : { hours, minutes };
        setUncontrolled(next);
        if (next) onChange?.(next);
      }}
    />
  );
}

type Option = { label: string; value: string | number | boolean };
// Native controls hold strings; the option list maps them back to the card's own values.
const optionKey = (option: Option, index: number) => `${index}:${String(option.value)}`;

export function Select({
  label,
  name,
  value,
  required,
  readOnly,
  description,
  tooltip,
  placeholder = 'Select an option',
  error,
  validationMessage,
  options,
  onChange,
  variant = 'input',
  testId,
}: SelectProps) {
  const selectedIndex = options.findIndex((option) => option.value === value);
  return (
    <Field {...{ label, required, description, tooltip, error, validationMessage, testId }}>
      {({ id, describedBy }) => (
        <select
          id={id}
          className={classes('hs-select', `hs-select--${variant}`)}
          name={name}
          value={selectedIndex === -1 ? '' : optionKey(options[selectedIndex] as Option, selectedIndex)}
          required={required}
          disabled={readOnly}
          aria-invalid={error || undefined}
          aria-describedby={describedBy}
          aria-label={label ? undefined : placeholder}
          onChange={(event) => {
            const index = options.findIndex((option, i) => optionKey(option, i) === event.target.value);
            const chosen = options[index];
            if (chosen) onChange?.(chosen.value);
          }}
        >
          <option value="" disabled>
            {placeholder}
          </option>
          {options.map((option, index) => (
            <option key={optionKey(option, index)} value={optionKey(option, index)}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function MultiSelect({
  label,
  name,
  value = [],
  required,
  readOnly,
  description,
  tooltip,
  error,
  validationMessage,
  options,
  onChange,
  testId,
}: MultiSelectProps) {
  return (
    <Field {...{ label, required, description, tooltip, error, validationMessage, testId }}>
      {({ id, describedBy }) => (
        <div id={id} className="hs-multi-select" role="group" aria-label={label} aria-describedby={describedBy}>
          {options.map((option, index) => {
            const checked = value.includes(option.value);
            return (
              <label key={optionKey(option, index)} className="hs-toggle-option">
                <input
                  type="checkbox"
                  name={name}
                  value={String(option.value)}
                  checked={checked}
                  disabled={readOnly}
                  onChange={() =>
                    onChange?.(
                      checked ? value.filter((selected) => selected !== option.value) : [...value, option.value],
                    )
                  }
                />
                {option.label}
              </label>
            );
          })}
        </div>
      )}
    </Field>
  );
}

function useToggled(checked: boolean | undefined, initial: boolean | undefined) {
  const [uncontrolled, setUncontrolled] = useState(initial ?? false);
  return [checked ?? uncontrolled, setUncontrolled] as const;
}

type ToggleOptionProps = CheckboxProps & { type: 'checkbox' | 'radio' };

// A checkbox and a radio button are the same labelled option reporting (checked, value); only the
// native input's type differs.
function ToggleOption({
  type,
  value = '',
  checked,
  readOnly,
  readonly,
  description,
  name,
  variant = 'default',
  onChange,
  children,
  inline = false,
  initialIsChecked,
  testId,
  ...rest
}: ToggleOptionProps) {
  const [isChecked, setChecked] = useToggled(checked, initialIsChecked);
  return (
    <label
      className={classes('hs-toggle-option', inline && 'hs-toggle-option--inline', `hs-toggle-option--${variant}`)}
      {...testIdAttribute(testId)}
    >
      <input
        type={type}
        name={name}
        value={value}
        checked={isChecked}
        disabled={readOnly ?? readonly}
        aria-label={rest['aria-label']}
        onChange={(event) => {
          setChecked(event.target.checked);
          onChange?.(event.target.checked, value);
        }}
      />
      <span>
        {children}
        {description && <span className="hs-field__description">{description}</span>}
      </span>
    </label>
  );
}

export function Checkbox(props: CheckboxProps) {
  return <ToggleOption {...props} type="checkbox" />;
}

export function RadioButton(props: RadioButtonProps) {
  return <ToggleOption {...props} type="radio" />;
}

export function ToggleGroup(props: ToggleGroupProps) {
  const { name, label, options, inline = false, required, tooltip, error, validationMessage, testId } = props;
  const isRadio = props.toggleType === 'radioButtonList';
  const initial = options.filter((option) => option.initialIsChecked).map((option) => option.value);
  const [uncontrolled, setUncontrolled] = useState<string[]>(initial);
  const selected = props.value === undefined ? uncontrolled : Array.isArray(props.value) ? props.value : [props.value];
  const choose = (optionValue: string, checked: boolean) => {
    const next = isRadio
      ? [optionValue]
      : checked
        ? [...selected, optionValue]
        : selected.filter((value) => value !== optionValue);
    setUncontrolled(next);
    if (isRadio) (props.onChange as ((value: string) => void) | undefined)?.(optionValue);
    else (props.onChange as ((value: string[]) => void) | undefined)?.(next);
  };
  return (
    <fieldset
      className={classes('hs-toggle-group', inline && 'hs-toggle-group--inline', error && 'hs-field--error')}
      {...testIdAttribute(testId)}
    >
      <legend className="hs-field__label" title={tooltip}>
        {label}
        {required && (
          <span className="hs-field__required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </legend>
      {options.map((option) => (
        <label key={option.value} className="hs-toggle-option">
          <input
            type={isRadio ? 'radio' : 'checkbox'}
            name={name}
            value={option.value}
            checked={selected.includes(option.value)}
            disabled={option.readOnly ?? option.readonly}
            onChange={(event) => choose(option.value, event.target.checked)}
          />
          <span>
            {option.label}
            {option.description && <span className="hs-field__description">{option.description}</span>}
          </span>
        </label>
      ))}
      {validationMessage && <div className={error ? 'hs-field__error' : 'hs-field__message'}>{validationMessage}</div>}
    </fieldset>
  );
}

export function Toggle({
  checked,
  readOnly,
  readonly,
  name,
  size,
  onChange,
  initialIsChecked,
  label,
  labelDisplay = 'inline',
  textChecked = 'On',
  textUnchecked = 'Off',
  testId,
}: ToggleProps) {
  const [isChecked, setChecked] = useToggled(checked, initialIsChecked);
  const labelId = useId();
  const switchRef = useRef<HTMLButtonElement>(null);
  return (
    <div
      className={classes('hs-toggle', `hs-toggle--label-${labelDisplay}`, `hs-toggle--${sizeName(size, 'md')}`)}
      {...testIdAttribute(testId)}
    >
      <span
        id={labelId}
        className={labelDisplay === 'hidden' ? 'hs-visually-hidden' : 'hs-toggle__label'}
        onClick={() => switchRef.current?.click()}
      >
        {label}
      </span>
      <button
        ref={switchRef}
        type="button"
        role="switch"
        name={name}
        aria-checked={isChecked}
        aria-labelledby={labelId}
        disabled={readOnly ?? readonly}
        className="hs-toggle__switch"
        onClick={() => {
          setChecked(!isChecked);
          onChange?.(!isChecked);
        }}
      >
        <span className="hs-toggle__knob" aria-hidden="true" />
      </button>
      <span className="hs-toggle__state" aria-hidden="true">
        {isChecked ? textChecked : textUnchecked}
      </span>
    </div>
  );
}
