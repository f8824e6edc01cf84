export interface CoreLayer {
  name: string;
  parts: string[];
}
export declare const CORE_LAYERS: CoreLayer[];
export declare function coreLayerOf(file: string): number | null;
export declare function layerViolation(file: string, spec: string): string | null;
export declare const coreLayersPlugin: { rules: Record<string, unknown> };
