import { useEffect, useState } from 'preact/hooks';
import { listCustomLayers, onCustomLayersChanged, type CustomLayerMeta } from '../storage/custom-layers-store';

/** The custom layers' list (without entries), kept live. */
export function useCustomLayers() {
  const [layers, setLayers] = useState<CustomLayerMeta[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      listCustomLayers()
        .then((r) => {
          if (!live) return;
          setLayers(r.layers);
          setProblem(r.problem ?? null);
        })
        .catch((error) => live && setProblem(String(error)));
    load();
    const off = onCustomLayersChanged(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return { layers, problem };
}
