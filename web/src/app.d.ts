// See https://svelte.dev/docs/kit/types#app.d.ts
// The desktop has no server side, so no App.Locals or App.PageData are declared.
declare global {
  namespace App {}
}

export {};
