/** Every overlay entry, by provenance. */
import { apiReferenceEntries } from './api-reference';
import { developerGuideEntries } from './developer-guide';
import type { OverlayEntry } from './entry';
import { expressEntries } from './express';
import { numberTypeEntries } from './number-types';

export const overlayEntries: OverlayEntry[] = [...numberTypeEntries, ...apiReferenceEntries, ...developerGuideEntries, ...expressEntries];
export type { OverlayEntry } from './entry';
export { serviceChangeClasses, expressChangeClasses, controllerRemedies, expressUpdatableSource, type ChangeAnnotation } from './change-classes';
