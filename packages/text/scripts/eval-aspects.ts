export function aspectsSection(): void {}
