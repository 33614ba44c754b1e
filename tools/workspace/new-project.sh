#!/usr/bin/env bash
# Scaffolds a workspace project with the files every project has: package.json (tags, exports),
# the TypeScript project references, jest config. Usage: new-project.sh lib|app|e2e <name> <scope>
set -euo pipefail
kind=$1 name=$2 scope=$3
case $kind in lib) dir=libs/$name cfg=tsconfig.lib.json tag=type:lib ;; app) dir=apps/$name cfg=tsconfig.app.json tag=type:app ;; e2e) dir=apps/$name cfg=tsconfig.app.json tag=type:e2e ;; esac
mkdir -p "$dir/src"
if [ "$kind" = lib ]; then
cat > "$dir/package.json" <<JSON
{
  "name": "@complaints/$name",
  "version": "0.1.0",
  "private": true,
  "type": "commonjs",
  "main": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "exports": {
    ".": { "@complaints/source": "./src/index.ts", "types": "./dist/index.d.ts", "default": "./dist/index.js" },
    "./package.json": "./package.json"
  },
  "nx": { "tags": ["$tag", "scope:$scope"] },
  "dependencies": {}
}
JSON
else
cat > "$dir/package.json" <<JSON
{
  "name": "@complaints/$name",
  "version": "0.1.0",
  "private": true,
  "type": "commonjs",
  "main": "./dist/main.js",
  "nx": { "tags": ["$tag", "scope:$scope"] },
  "dependencies": {}
}
JSON
fi
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "files": [],
  "include": [],
  "references": [{ "path": "./$cfg" }, { "path": "./tsconfig.spec.json" }]
}
JSON
cat > "$dir/$cfg" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "rootDir": "src",
    "outDir": "dist",
    "tsBuildInfoFile": "dist/$cfg.tsbuildinfo",
    "types": ["node"]
  },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts"],
  "references": []
}
JSON
cat > "$dir/tsconfig.spec.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "rootDir": ".",
    "outDir": "out-tsc/jest",
    "tsBuildInfoFile": "out-tsc/jest/tsconfig.spec.tsbuildinfo",
    "types": ["jest", "node"]
  },
  "include": ["src/**/*.ts", "test/**/*.ts"],
  "references": [{ "path": "./$cfg" }]
}
JSON
cat > "$dir/jest.config.cjs" <<JSON
module.exports = { ...require('../../jest.preset.cjs'), displayName: '$name' };
JSON
