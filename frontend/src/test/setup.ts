import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// CI machines are shared (2 cores): give async queries more room than the 1 s default.
configure({ asyncUtilTimeout: 4000 });

afterEach(() => cleanup());
