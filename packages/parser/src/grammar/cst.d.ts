// Generated from the grammar by scripts/generate-cst.mjs. Do not edit by hand.
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface SampleLineCstNode extends CstNode {
  name: "sampleLine";
  children: SampleLineCstChildren;
}

export type SampleLineCstChildren = {
  metricName?: IToken[];
  labelSet?: LabelSetCstNode[];
  valueSeparator: IToken[];
  value?: (IToken)[];
  compositeValue?: CompositeValueCstNode[];
  timestampSeparator?: IToken[];
  exemplar?: (ExemplarCstNode)[];
  startTimestamp?: (StartTimestampCstNode)[];
  timestamp?: (IToken)[];
  exemplarSeparator?: (IToken)[];
};

export interface StartTimestampCstNode extends CstNode {
  name: "startTimestamp";
  children: StartTimestampCstChildren;
}

export type StartTimestampCstChildren = {
  StartTimestampMark: IToken[];
  timestamp?: (IToken)[];
};

export interface CompositeValueCstNode extends CstNode {
  name: "compositeValue";
  children: CompositeValueCstChildren;
}

export type CompositeValueCstChildren = {
  CompositeOpen: IToken[];
  compositeField: (CompositeFieldCstNode)[];
  Comma?: IToken[];
  CompositeClose: IToken[];
};

export interface CompositeFieldCstNode extends CstNode {
  name: "compositeField";
  children: CompositeFieldCstChildren;
}

export type CompositeFieldCstChildren = {
  name: IToken[];
  Colon: IToken[];
  value?: CompositeNumberCstNode[];
  LBracket?: IToken[];
  item?: (CompositeItemCstNode)[];
  Comma?: IToken[];
  RBracket?: IToken[];
};

export interface CompositeItemCstNode extends CstNode {
  name: "compositeItem";
  children: CompositeItemCstChildren;
}

export type CompositeItemCstChildren = {
  key: CompositeNumberCstNode[];
  Colon?: IToken[];
  value?: CompositeNumberCstNode[];
};

export interface CompositeNumberCstNode extends CstNode {
  name: "compositeNumber";
  children: CompositeNumberCstChildren;
}

export type CompositeNumberCstChildren = {
  number?: (IToken)[];
};

export interface LabelSetCstNode extends CstNode {
  name: "labelSet";
  children: LabelSetCstChildren;
}

export type LabelSetCstChildren = {
  LBrace: IToken[];
  labelItem?: (LabelItemCstNode)[];
  Comma?: IToken[];
  trailingComma?: IToken[];
  RBrace: IToken[];
};

export interface LabelItemCstNode extends CstNode {
  name: "labelItem";
  children: LabelItemCstChildren;
}

export type LabelItemCstChildren = {
  name?: (IToken)[];
  Equals?: IToken[];
  value?: IToken[];
};

export interface ExemplarCstNode extends CstNode {
  name: "exemplar";
  children: ExemplarCstChildren;
}

export type ExemplarCstChildren = {
  Hash: IToken[];
  labelsSeparator: IToken[];
  labelSet: LabelSetCstNode[];
  valueSeparator: IToken[];
  value?: (IToken)[];
  timestampSeparator?: IToken[];
  timestamp?: (IToken)[];
};

export interface CommentLineCstNode extends CstNode {
  name: "commentLine";
  children: CommentLineCstChildren;
}

export type CommentLineCstChildren = {
  Hash: IToken[];
  keywordSeparator?: IToken[];
  helpDescriptor?: HelpDescriptorCstNode[];
  typeDescriptor?: TypeDescriptorCstNode[];
  unitDescriptor?: UnitDescriptorCstNode[];
  EofKeyword?: IToken[];
  CommentText?: IToken[];
};

export interface HelpDescriptorCstNode extends CstNode {
  name: "helpDescriptor";
  children: HelpDescriptorCstChildren;
}

export type HelpDescriptorCstChildren = {
  HelpKeyword: IToken[];
  nameSeparator: IToken[];
  name: IToken[];
  text?: IToken[];
};

export interface TypeDescriptorCstNode extends CstNode {
  name: "typeDescriptor";
  children: TypeDescriptorCstChildren;
}

export type TypeDescriptorCstChildren = {
  TypeKeyword: IToken[];
  nameSeparator: IToken[];
  name: IToken[];
  valueSeparator?: IToken[];
  value?: IToken[];
};

export interface UnitDescriptorCstNode extends CstNode {
  name: "unitDescriptor";
  children: UnitDescriptorCstChildren;
}

export type UnitDescriptorCstChildren = {
  UnitKeyword: IToken[];
  nameSeparator: IToken[];
  name: IToken[];
  valueSeparator?: IToken[];
  value?: IToken[];
};

export interface ICstNodeVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  sampleLine(children: SampleLineCstChildren, param?: IN): OUT;
  startTimestamp(children: StartTimestampCstChildren, param?: IN): OUT;
  compositeValue(children: CompositeValueCstChildren, param?: IN): OUT;
  compositeField(children: CompositeFieldCstChildren, param?: IN): OUT;
  compositeItem(children: CompositeItemCstChildren, param?: IN): OUT;
  compositeNumber(children: CompositeNumberCstChildren, param?: IN): OUT;
  labelSet(children: LabelSetCstChildren, param?: IN): OUT;
  labelItem(children: LabelItemCstChildren, param?: IN): OUT;
  exemplar(children: ExemplarCstChildren, param?: IN): OUT;
  commentLine(children: CommentLineCstChildren, param?: IN): OUT;
  helpDescriptor(children: HelpDescriptorCstChildren, param?: IN): OUT;
  typeDescriptor(children: TypeDescriptorCstChildren, param?: IN): OUT;
  unitDescriptor(children: UnitDescriptorCstChildren, param?: IN): OUT;
}
