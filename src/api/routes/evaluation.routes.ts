// A theme's profile measured on its labelled sets (issue 12): figures and ids for admins, never an
// ad's text (src/services/evaluation.service.ts).
import { z } from 'zod';
import { defineRoute } from '../route-spec.ts';
import { themeId } from '../schemas.ts';

const figure = (what: string) => z.number().nullable().describe(`${what}; null when there is nothing to divide by`);
const hitRate = z.object({ hits: z.number().int(), ads: z.number().int(), rate: figure('hits / ads of that label') });
const wrongAd = z.object({
  id: z.string().describe('the ad\'s id in the labelled file'), line: z.number().int().describe('its line in the file'), score: z.number(),
});
const goalMet = z.boolean().nullable().describe('null when the figure is null');

const setEvaluation = z.object({
  name: z.string(), file: z.string().describe('as the theme names it; relative paths are read from the configuration directory'),
  ads: z.number().int(),
  counts: z.object({ tp: z.number().int(), fp: z.number().int(), tn: z.number().int(), fn: z.number().int() })
    .describe('tp: flag ads kept, fp: clean ads kept, tn: clean ads deleted, fn: flag ads deleted'),
  precision: figure('of the ads kept, the share labelled flag'),
  recall: figure('of the flag ads, the share kept'),
  cleanKeptRate: figure('of the clean ads, the share kept'),
  goalsMet: z.object({ recall: goalMet, cleanKeptRate: goalMet }),
  indicators: z.array(z.object({ id: z.string(), weight: z.number(), flag: hitRate, clean: hitRate }))
    .describe('every indicator of the profile in profile order, also those that never hit'),
  misses: z.array(wrongAd).describe('flag ads not kept, in file order'),
  falseKeeps: z.array(wrongAd).describe('clean ads kept, in file order'),
}).meta({ id: 'SetEvaluation' });

export const evaluationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/admin/themes/:theme/evaluation', access: 'config.read', tag: 'admin', status: 200, audit: 'config.evaluate',
    summary: 'The theme\'s current profile measured on each labelled set the theme names (as baken eval does): precision, recall, clean ads kept, each indicator\'s hit rates, and the ids of the ads it got wrong, never their texts',
    params: z.strictObject({ theme: themeId }),
    response: z.object({
      theme: z.string(), profile: z.string(), threshold: z.number(),
      goals: z.object({ recall: z.number().describe('at least'), cleanKeptRate: z.number().describe('at most') }),
      sets: z.array(setEvaluation).describe('empty when the theme names no labelled set'),
    }).meta({ id: 'ThemeEvaluation' }),
    handle: async ({ params, who }, s) => s.evaluation.ofTheme(who, params.theme),
  }),
];
