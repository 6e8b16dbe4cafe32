// SPDX-License-Identifier: MIT

/** Every user-visible string of the components, per locale. Functions take the values they format. */
export interface Strings {
  patientLabel: string;
  cprLabel: string;
  ecprLabel: string;
  ageLabel: string;
  sexLabel: string;
  age: (years: number) => string;
  sexMale: string;
  sexFemale: string;
  sexOther: string;
  sexUnknown: string;
  unknownName: string;
  invalidCpr: string;
  noIdentifier: string;
}

/** A locale the components ship strings for. */
export type Locale = 'da' | 'en';

/** Danish, the default. */
export const da: Strings = {
  patientLabel: 'Patient',
  cprLabel: 'CPR-nr.',
  ecprLabel: 'Erstatnings-CPR',
  ageLabel: 'Alder',
  sexLabel: 'Køn',
  age: (years) => `${years} år`,
  sexMale: 'Mand',
  sexFemale: 'Kvinde',
  sexOther: 'Andet',
  sexUnknown: 'Ukendt',
  unknownName: 'Navn ukendt',
  invalidCpr: 'ugyldigt CPR-nummer',
  noIdentifier: 'Intet CPR-nummer',
};

/** English. */
export const en: Strings = {
  patientLabel: 'Patient',
  cprLabel: 'CPR no.',
  ecprLabel: 'Replacement CPR',
  ageLabel: 'Age',
  sexLabel: 'Sex',
  age: (years) => `${years} ${years === 1 ? 'year' : 'years'}`,
  sexMale: 'Male',
  sexFemale: 'Female',
  sexOther: 'Other',
  sexUnknown: 'Unknown',
  unknownName: 'Name unknown',
  invalidCpr: 'invalid CPR number',
  noIdentifier: 'No CPR number',
};
