// The module the preview bundler generates from the project's card and settings hsmeta files.
declare module 'keystone-preview:extensions' {
  import type { ReactElement } from 'react';

  export const extensions: Array<{
    uid: string;
    kind: 'card' | 'settings' | 'pages';
    location: string;
    title: string;
    render: (api: never) => ReactElement;
  }>;
}
