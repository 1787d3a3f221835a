import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LanguageProvider } from './language-provider.entity';
import { Lesson } from './lesson.entity';

@Module({
  imports: [TypeOrmModule.forFeature([LanguageProvider, Lesson])],
  controllers: [],
  providers: [],
  exports: [],
})
export class LanguageProvidersModule {}
