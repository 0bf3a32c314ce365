/// <reference lib="dom" />
// Component tests render into jsdom; Testing Library's vitest entry unmounts after each test.
import '@testing-library/svelte/vitest';
