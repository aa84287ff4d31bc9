/**
 * The runtimes each CodeBuild-managed image offers in `runtime-versions`,
 * taken from the `runtimes.yml` of aws/aws-codebuild-docker-images
 * (ubuntu/standard/<v>, al2/…/standard/<v>, al/…/standard/<v>). A runtime in
 * `custom` has a `default` entry there: CodeBuild installs any other version
 * of it on demand, so only its spelling can be wrong.
 */

export interface ImageRuntimes {
  /** Pre-installed versions of each runtime, as runtimes.yml names them. */
  runtimes: Record<string, readonly string[]>;
  custom: readonly string[];
  /** `android: 29` needs this java version next to it. */
  requires?: Record<string, Record<string, string>>;
  /** CodeBuild fails when the buildspec selects no runtime at all. */
  required?: boolean;
  /** Still updated by AWS: versions newer than those listed may have been added since. */
  current: boolean;
}

const PRE_CUSTOM = [] as const;
const ALL_CUSTOM = ['java', 'golang', 'python', 'php', 'ruby', 'nodejs', 'dotnet', 'rust'] as const;
const ANDROID_OPENJDK8 = { android: { '28': 'openjdk8', '29': 'openjdk8' } };
const ANDROID_CORRETTO8 = { android: { '28': 'corretto8', '29': 'corretto8' } };

const IMAGES: Record<string, ImageRuntimes> = {
  'standard:2.0': {
    runtimes: { android: ['28', '29'], java: ['openjdk11', 'openjdk8'], golang: ['1.12', '1.13'], python: ['3.7'], php: ['7.3'], ruby: ['2.6'], nodejs: ['10', '8'], docker: ['18'], dotnet: ['2.2'] },
    custom: PRE_CUSTOM,
    requires: ANDROID_OPENJDK8,
    required: true,
    current: false,
  },
  'standard:3.0': {
    runtimes: { android: ['28', '29'], java: ['openjdk11', 'openjdk8'], golang: ['1.12', '1.13'], python: ['3.8', '3.9'], php: ['7.3'], ruby: ['2.6'], nodejs: ['10', '12'], docker: ['18'], dotnet: ['3.0'] },
    custom: PRE_CUSTOM,
    requires: ANDROID_OPENJDK8,
    current: false,
  },
  'standard:4.0': {
    runtimes: { android: ['28', '29'], java: ['corretto11', 'corretto8'], golang: ['1.12', '1.13', '1.14'], python: ['3.9', '3.8', '3.7'], php: ['7.4', '7.3'], ruby: ['2.6', '2.7'], nodejs: ['10', '12'], docker: ['18', '19'], dotnet: ['3.1'] },
    custom: PRE_CUSTOM,
    requires: ANDROID_CORRETTO8,
    current: false,
  },
  'standard:5.0': {
    runtimes: { java: ['corretto8', 'corretto11'], golang: ['1.15', '1.16', '1.17', '1.18'], python: ['3.7', '3.8', '3.9'], php: ['7.3', '7.4', '8.0'], ruby: ['2.6', '2.7'], nodejs: ['12', '14'], dotnet: ['3.1', '5.0'] },
    custom: PRE_CUSTOM,
    current: true,
  },
  'standard:6.0': {
    runtimes: { java: ['corretto17'], golang: ['1.18'], python: ['3.10'], php: ['8.2', '8.1'], ruby: ['3.1'], nodejs: ['16'], dotnet: ['6.0'] },
    custom: PRE_CUSTOM,
    current: true,
  },
  'standard:7.0': {
    runtimes: { java: ['corretto17', 'corretto21'], golang: ['1.20', '1.21'], python: ['3.11', '3.12'], php: ['8.2'], ruby: ['3.2'], nodejs: ['18', '20'], dotnet: ['6.0', '8.0'] },
    custom: PRE_CUSTOM,
    current: true,
  },
  'standard:8.0': {
    runtimes: {
      java: ['corretto25', 'corretto21', 'corretto17', 'corretto11', 'corretto8'],
      golang: ['1.26', '1.25', '1.24'],
      rust: ['1.93'],
      python: ['3.14', '3.13', '3.12', '3.11', '3.10'],
      php: ['8.5', '8.4', '8.3', '8.2'],
      ruby: ['4.0', '3.4', '3.3'],
      nodejs: ['24', '22'],
      dotnet: ['10.0', '8.0'],
    },
    custom: ALL_CUSTOM,
    current: true,
  },
  'amazonlinux-x86_64-standard:1.0': {
    runtimes: { android: ['28', '29'], java: ['corretto11', 'corretto8'], golang: ['1.12', '1.13'], python: ['3.7'], php: ['7.3'], ruby: ['2.6'], nodejs: ['10', '8'], docker: ['18'], dotnet: ['2.2'] },
    custom: PRE_CUSTOM,
    requires: ANDROID_CORRETTO8,
    required: true,
    current: false,
  },
  'amazonlinux-x86_64-standard:2.0': {
    runtimes: { android: ['28', '29'], java: ['corretto11', 'corretto8'], golang: ['1.12', '1.13'], python: ['3.8'], php: ['7.3'], ruby: ['2.6'], nodejs: ['12', '10'], docker: ['18'], dotnet: ['3.0'] },
    custom: PRE_CUSTOM,
    requires: ANDROID_CORRETTO8,
    current: false,
  },
  'amazonlinux-x86_64-standard:3.0': {
    runtimes: { android: ['28', '29'], java: ['corretto17', 'corretto11', 'corretto8'], golang: ['1.12', '1.13', '1.14'], python: ['3.9', '3.8', '3.7'], php: ['7.4', '7.3'], ruby: ['2.6', '2.7'], nodejs: ['10', '12'], docker: ['18', '19'], dotnet: ['3.1'] },
    custom: PRE_CUSTOM,
    requires: ANDROID_CORRETTO8,
    current: false,
  },
  'amazonlinux-x86_64-standard:4.0': {
    runtimes: { java: ['corretto17'], golang: ['1.18'], python: ['3.9'], php: ['8.1'], ruby: ['3.1'], nodejs: ['16'], docker: ['20'], dotnet: ['6.0'] },
    custom: ['java', 'golang', 'python', 'php', 'ruby', 'nodejs', 'dotnet'],
    current: true,
  },
  'amazonlinux-x86_64-standard:5.0': {
    runtimes: {
      java: ['corretto25', 'corretto21', 'corretto17', 'corretto11', 'corretto8'],
      golang: ['1.26', '1.25', '1.24', '1.23', '1.22', '1.21', '1.20'],
      python: ['3.14', '3.13', '3.12', '3.11', '3.10', '3.9'],
      php: ['8.5', '8.4', '8.3', '8.2'],
      ruby: ['4.0', '3.4', '3.3', '3.2', '3.1'],
      nodejs: ['24', '22', '20', '18'],
      dotnet: ['10.0', '8.0', '6.0'],
    },
    custom: ['java', 'golang', 'python', 'php', 'ruby', 'nodejs', 'dotnet'],
    current: true,
  },
  'amazonlinux-x86_64-standard:6.0': {
    runtimes: {
      java: ['corretto25', 'corretto21', 'corretto17', 'corretto11', 'corretto8'],
      golang: ['1.26', '1.25', '1.24'],
      rust: ['1.93'],
      python: ['3.14', '3.13', '3.12', '3.11', '3.10'],
      php: ['8.5', '8.4', '8.3', '8.2'],
      ruby: ['4.0', '3.4', '3.3'],
      nodejs: ['24', '22'],
      dotnet: ['10.0', '8.0'],
    },
    custom: ALL_CUSTOM,
    current: true,
  },
  'amazonlinux-x86_64-standard:corretto8': { runtimes: { java: ['corretto8'] }, custom: PRE_CUSTOM, current: true },
  'amazonlinux-x86_64-standard:corretto11': { runtimes: { java: ['corretto11'] }, custom: PRE_CUSTOM, current: true },
  'amazonlinux-aarch64-standard:2.0': {
    runtimes: { java: ['corretto11', 'corretto8'], golang: ['1.12', '1.13', '1.14'], python: ['3.9', '3.8', '3.7'], php: ['7.4', '7.3'], ruby: ['2.6', '2.7'], nodejs: ['10', '12'], docker: ['19'], dotnet: ['3.1'] },
    custom: PRE_CUSTOM,
    current: true,
  },
  'amazonlinux-aarch64-standard:3.0': {
    runtimes: {
      java: ['corretto21', 'corretto17', 'corretto11', 'corretto8'],
      golang: ['1.23', '1.22', '1.21', '1.20'],
      python: ['3.13', '3.12', '3.11', '3.10', '3.9'],
      php: ['8.3', '8.2', '8.1'],
      ruby: ['3.4', '3.3', '3.2', '3.1'],
      nodejs: ['22', '20', '18'],
      docker: ['23'],
      dotnet: ['8.0', '6.0'],
    },
    custom: ['java', 'golang', 'python', 'php', 'ruby', 'nodejs', 'dotnet'],
    current: true,
  },
  'amazonlinux-aarch64-standard:4.0': {
    runtimes: {
      java: ['corretto25', 'corretto21', 'corretto17', 'corretto11', 'corretto8'],
      golang: ['1.26', '1.25', '1.24'],
      rust: ['1.94'],
      python: ['3.14', '3.13', '3.12', '3.11', '3.10'],
      php: ['8.5', '8.4', '8.3', '8.2'],
      ruby: ['4.0', '3.4', '3.3'],
      nodejs: ['24', '22'],
      docker: ['23'],
      dotnet: ['10.0', '8.0'],
    },
    custom: ALL_CUSTOM,
    current: true,
  },
};

export interface KnownImage {
  /** The image as the table names it (`standard:7.0`). */
  key: string;
  runtimes: ImageRuntimes;
}

/**
 * The table entry for a CodeBuild image name. `amazonlinux2-…` is the older
 * alias of `amazonlinux-…`, and a pinned build such as `standard:7.0-24.10.29`
 * has the runtimes of its major version.
 */
export function knownImage(image: string): KnownImage | undefined {
  const m = /^aws\/codebuild\/([a-z0-9_-]+):([A-Za-z0-9.]+?)(?:-[0-9][0-9.]*)?$/.exec(image.trim());
  if (!m) return undefined;
  const key = `${m[1].replace(/^amazonlinux2-/, 'amazonlinux-')}:${m[2]}`;
  const runtimes = IMAGES[key];
  return runtimes ? { key, runtimes } : undefined;
}

/** Images CodeBuild manages (`aws/codebuild/…`); runtime selection does nothing on any other image. */
export function isManagedImage(image: string): boolean {
  return /^aws\/codebuild\//.test(image.trim());
}

/** Numbers in a version (`corretto17` → [17], `3.12` → [3, 12]) for ordering. */
export function versionNumbers(v: string): number[] {
  return (v.match(/\d+/g) ?? []).map(Number);
}

export function compareVersions(a: string, b: string): number {
  const x = versionNumbers(a);
  const y = versionNumbers(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
