// What the preview renders for a component it has no browser implementation of: visible, never dropped.
export function unknownComponent(name: string) {
  function UnknownComponent() {
    return (
      <div className="hs-unknown-component" role="note" data-unknown-component={name}>
        unknown component {name}
      </div>
    );
  }
  UnknownComponent.displayName = `Unknown(${name})`;
  return UnknownComponent;
}

export function unknownExport(name: string, specifier: string) {
  return () => {
    throw new Error(`The Keystone preview has no implementation of ${name} from ${specifier}`);
  };
}
