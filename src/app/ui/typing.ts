// HubSpot's Input and TextArea call onChange only when the field loses focus; onInput reports each
// keystroke. A screen that follows the text (a button it enables, a check, a click that sends it
// before any blur) listens to both, so it never works on a stale value.
export const followTyping = (setText: (text: string) => void) => ({ onInput: setText, onChange: setText });
