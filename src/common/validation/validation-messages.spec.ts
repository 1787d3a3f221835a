import 'reflect-metadata';
import { IsOptional, IsString, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { validationMessages } from './validation-messages';

class Address {
  @IsString()
  @MaxLength(20)
  street: string;
}

class Form {
  @IsString()
  @MaxLength(200)
  region: string;

  @IsOptional()
  @IsString()
  note?: string;

  @ValidateNested()
  @Type(() => Address)
  address: Address;
}

const messagesOf = (body: object) =>
  validationMessages(validateSync(plainToInstance(Form, body), { stopAtFirstError: true }));

describe('validationMessages', () => {
  it('names a field left out as required, not by the first rule it happens to fail', () => {
    expect(messagesOf({ address: { street: 'Markt 1' } })).toEqual(['region: is required']);
  });

  it('names a nested field left out by its path', () => {
    expect(messagesOf({ region: 'berkelland', address: {} })).toEqual(['address.street: is required']);
  });

  it("keeps the rule's own message for a value that is given and wrong", () => {
    expect(messagesOf({ region: 'x'.repeat(201), address: { street: 'Markt 1' } })).toEqual([
      'region: must be shorter than or equal to 200 characters',
    ]);
  });

  it('leaves an optional field left out alone', () => {
    expect(messagesOf({ region: 'berkelland', address: { street: 'Markt 1' } })).toEqual([]);
  });
});
