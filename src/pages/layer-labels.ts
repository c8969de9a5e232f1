import { LAYER_IDS, type LayerId } from '../core/layers';
import { keyFor, t } from '../ui/i18n';

export function layerLabel(id: LayerId): string {
  return t(keyFor('layer', id));
}

export { LAYER_IDS };
