import { texts } from '../core/text';

export const PHOTO_TEXT = texts({
  title: 'Zoeken op foto',
  intro: 'Kies een foto. Baken berekent er een perceptuele hash van en toont de bewaarde advertenties met een foto die daar dichtbij ligt, de dichtstbijzijnde eerst. De foto blijft in deze browser: ze wordt niet opgeslagen; de audittrail legt alleen de hash vast.',
  file: 'Foto', distance: 'Grootste afstand (bits, leeg: de standaard)', search: 'Zoeken', searching: 'Zoeken…',
  chosen: 'Gekozen foto', noFile: 'Kies eerst een foto.',
  found: '{n} advertenties binnen {d} bits van hash {hash}.', none: 'Geen advertentie heeft een foto binnen {d} bits van hash {hash}.',
  truncated: 'Alleen de {n} dichtstbijzijnde worden getoond.',
  failed: 'Zoeken op foto mislukte: {detail}',
  yours: 'Uw foto', theirs: 'Foto van de advertentie', distanceOf: 'afstand {d} bits', olderVersion: 'in een eerdere versie van de advertentie',
  pictureFailed: 'De foto van de advertentie kon niet worden geladen.', open: 'Advertentie openen', untitled: '(zonder titel)',
  matches: 'Advertenties met deze foto',
}, {
  title: 'Search by photo',
  intro: 'Choose a photo. Baken computes its perceptual hash and shows the kept ads with a picture close to it, nearest first. The photo stays in this browser: it is not stored; the audit trail records only the hash.',
  file: 'Photo', distance: 'Largest distance (bits, empty: the default)', search: 'Search', searching: 'Searching…',
  chosen: 'Chosen photo', noFile: 'Choose a photo first.',
  found: '{n} ads within {d} bits of hash {hash}.', none: 'No ad has a picture within {d} bits of hash {hash}.',
  truncated: 'Only the {n} nearest are shown.',
  failed: 'Search by photo failed: {detail}',
  yours: 'Your photo', theirs: 'The ad\'s picture', distanceOf: 'distance {d} bits', olderVersion: 'in an earlier version of the ad',
  pictureFailed: 'The ad\'s picture could not be loaded.', open: 'Open ad', untitled: '(untitled)',
  matches: 'Ads with this photo',
});
